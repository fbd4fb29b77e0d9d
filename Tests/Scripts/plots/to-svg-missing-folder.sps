# A plot written into a folder that does not exist says so once, naming the file.
seed 0
d = spurious n=20
plot scatter d x=x1 y=y to="/nonexistent-sps-folder/x.svg"  # expect error: plot: cannot write '/nonexistent-sps-folder/x.svg': the folder
