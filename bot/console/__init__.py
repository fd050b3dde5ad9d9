"""The agents' console: sign-in, trying replies, handoffs to a person, conversations and figures (see README)."""
