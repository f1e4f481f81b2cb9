using System.Reflection;
using Analytics.Api.Features.Auth.Login;
using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Architecture;

/// <summary>Messages are sealed records; every message with inputs has a validator; the pipeline has the documented order.</summary>
public sealed class MessageRulesTests
{
    private static readonly Assembly Api = typeof(Program).Assembly;

    private static Type[] Messages() =>
        Api.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t)).ToArray();

    [Test]
    public void Messages_AreSealedRecords()
    {
        var messages = Messages();
        Assert.That(messages, Is.Not.Empty);

        var offenders = messages.Where(t => !t.IsSealed || t.GetMethod("<Clone>$") is null).Select(t => t.FullName);

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void MessagesWithInputs_HaveAValidator()
    {
        var withInputs = Messages()
            .Where(t => t.GetConstructors().Any(c => c.GetParameters().Length > 0))
            .ToArray();
        Assert.That(withInputs, Is.Not.Empty);

        var validated = Api.GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToHashSet();
        var missing = withInputs.Where(t => !validated.Contains(t)).Select(t => t.FullName);

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Pipeline_ForMessagesOfEachMarker_HasTheDocumentedOrder()
    {
        Type[] expected =
        [
            typeof(TracingBehaviour<,>),
            typeof(RoleAuthorizationBehaviour<,>),
            typeof(ValidationBehaviour<,>),
            typeof(SubjectAuthorizationBehaviour<,>),
            typeof(CachingBehaviour<,>),
        ];
        using var scope = TestHost.Factory.Services.CreateScope();

        var query = scope.ServiceProvider.GetServices<IPipelineBehavior<AtRiskQuery, AnalyticResult<AtRiskPayload>>>();
        var command = scope.ServiceProvider.GetServices<IPipelineBehavior<LoginCommand, AuthSession>>();

        Assert.Multiple(() =>
        {
            Assert.That(typeof(AtRiskQuery).GetInterfaces(), Does.Contain(typeof(IRoleRestricted)).And.Contain(typeof(ISubjectScoped)).And.Contain(typeof(ICacheableQuery)));
            Assert.That(query.Select(b => b.GetType().GetGenericTypeDefinition()), Is.EqualTo(expected));
            Assert.That(command.Select(b => b.GetType().GetGenericTypeDefinition()), Is.EqualTo(expected));
        });
    }
}
