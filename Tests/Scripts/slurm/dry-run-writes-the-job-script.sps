# A dry run writes the study's folder and job script, submits nothing, and says how to submit and collect it.
seed 0
t = repeat seeds=0..9 sigma=[0, 1] on="slurm" per_task=4 at_once=2 partition="debug" time="00:05:00" dry_run=true folder="/tmp/sps-golden-slurm" sps="/opt/sps/bin/sps" {
  record w=(sigma + seed)
}
# expect: repeat: wrote /tmp/sps-golden-slurm/dry-run-writes-the-job-script-776a9e5e6756/job.sh (20 runs in 5 tasks of up to 4; --array=0-4%2); nothing was submitted
# expect:   submit it with: sbatch /tmp/sps-golden-slurm/dry-run-writes-the-job-script-776a9e5e6756/job.sh
# expect:   then make the table with: collect "/tmp/sps-golden-slurm/dry-run-writes-the-job-script-776a9e5e6756"
print t  # expect: nil
