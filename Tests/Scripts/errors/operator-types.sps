print ([1] - [2])  # expect error: '-' cannot be applied to list and list
