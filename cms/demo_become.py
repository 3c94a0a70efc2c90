"""Demo content for the "Become a champion" page (cms/demo.py publishes it)."""

from .models import BecomeChampionPage

STEPS = [
    ("Sign up", "Tell us your first name, your area and how you like to be contacted."),
    ("We get in touch", "Your coordinator calls or e-mails within a few days to say hello."),
    ("Come to a welcome session", "Meet other parents and ask anything, with a cuppa."),
    ("Checks and training", "A DBS check, two references and short friendly training."),
    ("Start as a champion", "Choose what you do and when: stalls, meetings, peer support."),
]


def become_champion_page() -> BecomeChampionPage:
    """The page as the programme would write it, not yet saved."""
    return BecomeChampionPage(
        title="Become a champion",
        slug="become-a-champion",
        show_in_menus=True,
        introduction="Any parent or carer of a child under five can volunteer. We train and "
        "support you, and pay travel and childcare costs.",
        what_champions_do="<p>Champions make sure families' voices shape local services. "
        "You might run a stall at a stay-and-play, help at a focus group, support another "
        "parent, or speak at a meeting with the people who run health visiting and "
        "children's centres.</p>",
        support="<ul><li>A named coordinator who checks in with you regularly.</li>"
        "<li>Free training that builds confidence, with certificates.</li>"
        "<li>Travel, food and <strong>childcare costs paid</strong>, so you are never out of "
        "pocket.</li></ul>",
        time_commitment="<p>As little as two hours a month. You choose what you do and when, "
        "and you can pause whenever family life needs you.</p>",
        steps=[("step", {"title": title, "text": text}) for title, text in STEPS],
    )
