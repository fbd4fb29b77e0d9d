help fitt  # expect error col 6: help: no command, def, variable, topic or keyword named 'fitt'; did you mean 'fit'?
