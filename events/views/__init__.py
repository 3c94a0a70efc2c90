"""The events app's pages: champions' (booking, feeds), public ones and staff screens (admin/)."""
