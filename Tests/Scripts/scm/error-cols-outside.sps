normal 0 1 cols=3  # expect error: cols= draws a block of columns inside scm { … }; outside scm, normal is a distribution value
