"""Before the meeting: scheduling it, the invitation letter (หนังสือเชิญประชุม), the invited offices' answers, the
meeting's documents, and each person's private calendar feed."""
