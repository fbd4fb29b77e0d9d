pick x targt=y  # expect error: unknown argument 'targt' for pick; did you mean 'target'?
