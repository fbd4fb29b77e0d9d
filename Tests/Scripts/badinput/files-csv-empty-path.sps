# Bad input: files: csv of an empty path

# expect error: cannot read '': empty path
d = csv ""
