a = spurious n=4
concat a (select a [x1])  # expect error: concat needs the same columns in every set
