d = spurious n=10
apply d (noise x3)  # expect error: argument 'augmentation' of apply must be an Augmentation, got Dataset
