namespace Analytics.Tests.Security;

/// <summary>One request of the access matrix and the answer the oracle expects for it.</summary>
public sealed record MatrixCase(string Description, EndpointGroup Group, AccessExpectation Expected, Func<HttpRequestMessage> Request);
