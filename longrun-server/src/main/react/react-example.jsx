// The demo server's React page (/react.html): what a React app embedding Longrun writes with @longrun/client.
// The start form uses useStartJob (safe to click twice), the started job and the jobs list are live through
// useJob/useJobs, and the detail panel reads the job through TanStack Query (useLiveJob), whose cache the
// page's one stream keeps current. Its sentence and bar come from @longrun/client/words, as the <longrun-job> card's
// do. Built by longrun-server's Maven build (build.mjs, esbuild).

import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { LongrunError, jobAction, request } from '@longrun/client';
import { useConnection, useJobs, useStartJob } from '@longrun/client/react';
import { useLiveJob, useLongrunSync } from '@longrun/client/query';
import { barOf, sentence } from '@longrun/client/words';

const CONNECTION_TEXT = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', polling: 'Checking every few seconds', stopped: 'Signed out' };

function App() {
  const [me, setMe] = useState(null);
  useEffect(() => {
    request('GET', '/api/session').then(r => setMe(r.data), e => {
      if (e instanceof LongrunError && e.status === 401) location.replace('sign-in.html?next=react.html');
    });
  }, []);
  if (!me) return <p role="status">Loading…</p>;
  return <Page me={me} />;
}

function Page({ me }) {
  useLongrunSync();
  const [selected, setSelected] = useState(null);
  const connection = useConnection();
  return (
    <>
      <header className="app-header">
        <a className="app-brand" href="index.html">Longrun</a>
        <nav className="app-nav" aria-label="Main"><a href="index.html">Jobs</a><a href="react.html" aria-current="page">React example</a></nav>
        <div className="app-user"><span className="app-name">{me.display_name || me.user_id}</span></div>
      </header>
      <main id="main">
        <h1>React example</h1>
        <p className="lead">Built with <code>@longrun/client/react</code> and TanStack Query. <span data-testid="connection">{CONNECTION_TEXT[connection]}</span></p>
        <StartPanel onStarted={setSelected} />
        {selected && <JobDetail id={selected} />}
        <JobsPanel selected={selected} onSelect={setSelected} />
      </main>
    </>
  );
}

function StartPanel({ onStarted }) {
  const { start, job, created, status, error } = useStartJob('demo.wait');
  const [seconds, setSeconds] = useState(8);
  const [steps, setSteps] = useState(4);
  async function submit(e) {
    e.preventDefault();
    const result = await start({ seconds: Number(seconds), steps: Number(steps) });
    if (result) onStarted(result.job.id);
  }
  return (
    <form className="panel start" onSubmit={submit} aria-labelledby="start-title">
      <h2 id="start-title">Start a demo job</h2>
      <div className="row">
        <div className="field"><label htmlFor="seconds">How long (seconds)</label>
          <input id="seconds" type="number" min="0" max="3600" value={seconds} onChange={e => setSeconds(e.target.value)} /></div>
        <div className="field"><label htmlFor="steps">Steps</label>
          <input id="steps" type="number" min="0" max="100" value={steps} onChange={e => setSteps(e.target.value)} /></div>
      </div>
      <div className="form-actions">
        <button type="submit" className="lr-button lr-primary" disabled={status === 'starting'}>Start demo job</button>
        <span role="status">
          {status === 'starting' && 'Starting…'}
          {job && (created ? 'Started.' : 'This job was already running; showing it.')}
        </span>
      </div>
      {error && <p role="alert" className="is-error">{error.message}</p>}
    </form>
  );
}

function JobDetail({ id }) {
  const { data: job, error } = useLiveJob(id);
  if (error) return <section className="panel"><p role="alert">{error.message}</p></section>;
  if (!job) return <section className="panel"><p role="status">Loading the job…</p></section>;
  return (
    <section className="panel" aria-labelledby="detail-title" data-testid="job-detail">
      <h2 id="detail-title">{job.type_label || job.type}: <span data-testid="detail-status">{job.status_label}</span></h2>
      <Progress job={job} />
      <p role={job.status === 'failed' ? 'alert' : undefined} data-testid="detail-sentence">{sentence(job)}</p>
      {job.eta?.text && <p className="when">Time left: {job.eta.text}</p>}
      <div className="form-actions">
        {job.cancellable && !job.cancel_requested && (
          <button type="button" className="lr-button" onClick={() => jobAction(job.id, 'cancel')}>Cancel</button>)}
        <code data-testid="detail-id">{job.id}</code>
      </div>
    </section>
  );
}

function JobsPanel({ selected, onSelect }) {
  const { jobs, loading, error } = useJobs({ type: 'demo.wait', limit: 10 });
  return (
    <section className="panel" aria-labelledby="jobs-title">
      <h2 id="jobs-title">Your demo jobs</h2>
      {error && <p role="alert">{error.message}</p>}
      {loading && jobs.length === 0 && <p role="status">Loading…</p>}
      {!loading && jobs.length === 0 && <p>No demo jobs yet. Start one above.</p>}
      <ul className="react-jobs" data-testid="jobs-list">
        {jobs.map(j => (
          <li key={j.id} data-id={j.id} data-status={j.status}>
            <button type="button" className="lr-button lr-small" aria-pressed={j.id === selected} onClick={() => onSelect(j.id)}>
              {j.status_label}
            </button>
            <Progress job={j} compact />
            <span className="when">{new Date(j.created_at).toLocaleTimeString()}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

// The bar where the card draws one (barOf): a job waiting for another or stopped before it counted anything has none,
// as a bar without a value moves and says the work goes on; steps count as the card counts them.
function Progress({ job, compact = false }) {
  const bar = barOf(job, compact);
  if (!bar.shown) return <span />;
  return <progress max={100} value={bar.value ?? undefined} aria-label={`${job.status_label}: ${bar.text}`} />;
}

const queryClient = new QueryClient();
createRoot(document.getElementById('root')).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}><App /></QueryClientProvider>
  </StrictMode>,
);
