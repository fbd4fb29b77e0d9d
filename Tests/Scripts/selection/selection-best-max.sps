study = repeat seeds=0..1 draw=0..2 { record val=draw test=(2 * draw) }
# best="max" picks the largest validation value (accuracy); the default, min, the smallest (errors).
# expect: 2 4
print (selection study best="max").draw[0] (selection study best="max").test[0]
# expect: 0 0
print (selection study).draw[0] (selection study).test[0]
# Two runs of one setting in one group: a trial column is missing from by=.
# expect error: selection: two runs have draw=0; add the column that tells them apart to by=
selection study by=[]
