def f alpha=1 { alpha }
f alpah=2  # expect error: def f has no parameter 'alpah'; did you mean 'alpha'?
