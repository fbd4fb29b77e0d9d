compose  # expect error: compose needs at least one augmentation
