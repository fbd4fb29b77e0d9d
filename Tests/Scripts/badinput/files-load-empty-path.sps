# Bad input: files: load of an empty path

# expect error: load: cannot read file '': empty path
load ""
