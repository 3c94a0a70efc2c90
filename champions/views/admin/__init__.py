"""Staff screens beside the admin viewsets: stage changes, bulk completions, reviews."""
