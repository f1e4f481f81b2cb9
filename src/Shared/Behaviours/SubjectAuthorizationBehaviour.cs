using Analytics.Api.Shared.Auth;
using Mediator;

namespace Analytics.Api.Shared.Behaviours;

/// <summary>Checks the subject id against the access rules (403 / 404 per API.md §3.4), after validation.</summary>
public sealed class SubjectAuthorizationBehaviour<TMessage, TResponse>(CurrentUserAccessor currentUser, AccessPolicy policy)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is ISubjectScoped scoped)
        {
            await policy.EnsureCanReadAsync(currentUser.Required, scoped.Area, scoped.SubjectId, cancellationToken);
        }

        return await next(message, cancellationToken);
    }
}
