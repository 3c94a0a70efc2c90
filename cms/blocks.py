"""StreamField blocks shared by every page body."""

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 or 3 so that the page's outline stays in order."""

    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(choices=[("h2", "Heading 2"), ("h3", "Heading 3")], default="h2")

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"text": "What parents told us", "level": "h2"}
        description = "A section heading"


class QuoteBlock(blocks.StructBlock):
    """A pull quote with who said it."""

    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        preview_value = {
            "quote": "Being a champion gave me the confidence to speak up for other parents.",
            "attribution": "Parent Champion, Westborough",
        }
        description = "A quotation with its attribution"


class CallToActionBlock(blocks.StructBlock):
    """A short prompt with one link, such as "Become a champion"."""

    text = blocks.CharBlock(max_length=200)
    link_label = blocks.CharBlock(max_length=60)
    link_url = blocks.URLBlock(required=False)
    link_page = blocks.PageChooserBlock(required=False)

    class Meta:
        icon = "link"
        template = "blocks/call_to_action_block.html"
        preview_value = {
            "text": "Could you help other parents be heard?",
            "link_label": "Become a champion",
            "link_url": "https://example.org/become-a-champion/",
        }
        description = "A prompt with a single link"


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every page body may use."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul", "h3"],
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        preview_value="<p>Parent champions are parents who volunteer to help others.</p>",
        description="Text with simple formatting and links",
    )
    image = ImageBlock(
        icon="image",
        template="blocks/image_block.html",
        description="An image with alt text and an optional caption",
    )
    quote = QuoteBlock()
    embed = EmbedBlock(
        icon="media",
        template="blocks/embed_block.html",
        preview_value="https://www.youtube.com/watch?v=mwrGSfiB1Mg",
        description="A video or other media from an external site",
    )
    call_to_action = CallToActionBlock()


class ConsultationFigureBlock(blocks.StructBlock):
    """A survey or consultation result, e.g. "36% (46) of 220 parents cited mental health"."""

    percent = blocks.DecimalBlock(min_value=0, max_value=100, decimal_places=1, required=False)
    count = blocks.IntegerBlock(min_value=0, help_text="How many people said it.")
    respondents = blocks.IntegerBlock(min_value=1, help_text="Out of how many responses.")
    statement = blocks.CharBlock(max_length=200, help_text="What they said, e.g. “cited …”.")
    source = blocks.CharBlock(max_length=200, required=False, help_text="Survey or consultation.")

    class Meta:
        icon = "table"
        template = "blocks/consultation_figure_block.html"
        preview_value = {
            "percent": "36",
            "count": 46,
            "respondents": 220,
            "statement": "cited mother and baby mental health",
            "source": "Parenting Strategy consultation 2024",
        }
        description = "A figure from a survey or consultation"


class ParentVoiceStreamBlock(blocks.StreamBlock):
    """Where a co-production outcome came from: figures, parents' words, sessions."""

    consultation_figure = ConsultationFigureBlock()
    quote = QuoteBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ul"],
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        preview_value="<p>Raised at three focus groups in Kursaal ward.</p>",
        description="How and where parents raised it",
    )
