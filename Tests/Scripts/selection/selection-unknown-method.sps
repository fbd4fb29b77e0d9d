study = repeat draw=0..2 { record val=draw test=(2 * draw) }
# expect error: unknown selection method 'orcale' (use training, loo or oracle); did you mean 'oracle'?
selection study method=orcale
