scm n=5 target=y { a = 1 }  # expect error: scm: no node named 'y' for the target; the block defines no columns
