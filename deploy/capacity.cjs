// Worker reserved concurrency derived from the SES send rate: one worker sends about 10 messages per
// second, so ceil(rate / 10) workers use the rate fully; each paces itself at rate / workers. At least
// 2, the smallest maximumConcurrency an SQS event source accepts.
module.exports.workerConcurrency = async ({ resolveVariable }) => {
  const rate = Number(await resolveVariable('self:custom.sesRate'));
  if (!Number.isFinite(rate) || rate <= 0) throw new Error(`custom.sesRate must be a positive number, got ${rate}`);
  return Math.max(2, Math.ceil(rate / 10));
};
