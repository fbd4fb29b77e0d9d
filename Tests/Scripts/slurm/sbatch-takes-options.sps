# expect error col 41: repeat: sbatch= takes sbatch options as strings, e.g. sbatch=["--qos=high"], got "qos=high"
t = repeat seeds=0..9 on="slurm" sbatch=["qos=high"] dry_run=true {
  record x=seed
}
