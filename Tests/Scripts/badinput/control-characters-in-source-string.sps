# Bad input: escape sequences in a string in the source are shown escaped in the error and its excerpt (issue 15)

# expect error: argument 'x' of abs must be a number or tensor, got string "\e]0;owned\u{7}\e[2J"
x = abs "]0;owned[2J"
