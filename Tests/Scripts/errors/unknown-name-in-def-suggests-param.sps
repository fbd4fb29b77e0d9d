def f total { totl + 1 }  # expect error: unknown name 'totl'; did you mean 'total'?
f 1
