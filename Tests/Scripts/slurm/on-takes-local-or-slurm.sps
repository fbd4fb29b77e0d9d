# expect error col 26: repeat: on= takes "local" (this machine's cores, the default) or "slurm" (a Slurm job array), got "cluster"
t = repeat seeds=0..1 on="cluster" {
  record x=seed
}
