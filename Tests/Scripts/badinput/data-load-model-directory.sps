# Bad input: data load model directory
# expect error: cannot read '/tmp': it is a folder

m = load_model "/tmp"
