d = spurious n=10
select d [x1, x1]  # expect error: select: the column 'x1' is listed twice
