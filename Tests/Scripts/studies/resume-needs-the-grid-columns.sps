a = repeat seeds=0..2 { record x=1 }
b = repeat resume=a seeds=0..2 sigma=[1, 2] { record x=1 }  # expect error: repeat: resume= has no column 'sigma'
