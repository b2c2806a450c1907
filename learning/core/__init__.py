"""What every learning format shares."""
