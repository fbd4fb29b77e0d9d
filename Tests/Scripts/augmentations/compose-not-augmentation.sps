compose (noise x3) 3  # expect error: compose: argument 2 is a number, not an augmentation
