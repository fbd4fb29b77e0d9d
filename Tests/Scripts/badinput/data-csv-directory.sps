# Bad input: data csv directory
# expect error: cannot read '/tmp': it is a folder

d = csv "/tmp"
