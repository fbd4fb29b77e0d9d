study = repeat seeds=0..1 draw=0..2 { record val=draw test=(2 * draw) }
# expect error: selection: the table has no column 'acc' (the validation metric, val=); its columns are seed, draw, val, test
selection study val=acc
