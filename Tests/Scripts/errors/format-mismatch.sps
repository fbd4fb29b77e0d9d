print (format "%d %d" 1)  # expect error: more directives than values
