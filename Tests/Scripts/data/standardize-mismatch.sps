d = spurious n=10
standardize (select d [x1]) using=d  # expect error: standardize: the statistics are for x1, x2, x3 but the data has x1
