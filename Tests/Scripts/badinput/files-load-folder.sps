# Bad input: files: load of a folder

# expect error: load: cannot read file '/tmp': it is a folder
load "/tmp"
