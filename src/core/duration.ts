// A number of seconds in words a person reads at a glance: 1 h 2 min 5 s.
export function formatDuration(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts = [hours && `${hours} h`, minutes && `${minutes} min`, (seconds || totalSeconds === 0) && `${seconds} s`];
  return parts.filter(Boolean).join(' ');
}
