d = spurious n=10
apply (permute y) d  # expect error: apply: 'permute y' changes 'y', which is the target; augmentations change features only (x1, x2, x3)
