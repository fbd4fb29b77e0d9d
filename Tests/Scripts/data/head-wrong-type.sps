head 5  # expect error: argument 'data' of head must be a Dataset or Table, got number 5
