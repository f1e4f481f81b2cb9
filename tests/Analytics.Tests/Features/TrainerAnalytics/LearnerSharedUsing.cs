// main's VelocityCalculatorTests.cs lacks `using Analytics.Api.Features.LearnerAnalytics.Shared;` since the learner area moved its
// payloads to its Shared folder, so the test project does not compile. The brief forbids editing that file; this global using
// unblocks the build and can be deleted once main adds the using (see the trainer branch's report).
global using Analytics.Api.Features.LearnerAnalytics.Shared;
