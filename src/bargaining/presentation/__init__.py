"""What people read: plain-language summaries of recorded events, out of the domain."""
