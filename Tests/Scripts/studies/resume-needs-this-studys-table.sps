a = repeat seeds=0..2 { record x=1 }
b = repeat resume=a seeds=5..6 { record x=1 }  # expect error: repeat: resume= has a row for seed 0, which is not a run of this study
