# Datasets are checked against the tensor limit before they are made, by spurious and by concat.
d = spurious n=40000000  # expect error: spurious n=40000000: its features of shape [40000000, 3] is too large
