using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Errors;
using Mediator;

namespace Analytics.Api.Shared.Behaviours;

/// <summary>
/// Rejects an active role that may not use the endpoint at all (403 ROLE_NOT_PERMITTED), before validation: the message's own
/// list when it has one (<see cref="IRoleRestricted"/>), else the roles the access rules give its subject's area.
/// </summary>
public sealed class RoleAuthorizationBehaviour<TMessage, TResponse>(CurrentUserAccessor currentUser, AccessRules rules)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var allowedRoles = message switch
        {
            IRoleRestricted restricted => restricted.AllowedRoles,
            ISubjectScoped scoped => rules.AllowedRoles(scoped.Area),
            _ => null,
        };
        if (allowedRoles is not null)
        {
            var user = currentUser.Required;
            if (!allowedRoles.Contains(user.ActiveRole))
            {
                throw Problems.RoleNotPermitted(user.ActiveRole, allowedRoles);
            }
        }

        return next(message, cancellationToken);
    }
}
