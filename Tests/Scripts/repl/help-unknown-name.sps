help fitt  # expect error: help: no command or def named 'fitt'; did you mean 'fit'?
