d = spurious n=10
select d [x1, y]  # expect error: select: 'y' is the target, which is always kept
