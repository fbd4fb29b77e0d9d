print (format "%q" 1)  # expect error: unknown format directive
