package cn.org.cast.dianzan.functions.accounts;

import cn.org.cast.dianzan.accounts.AccountCommands;
import cn.org.cast.dianzan.accounts.AccountService;
import cn.org.cast.dianzan.accounts.AccessTokens;
import cn.org.cast.dianzan.lambda.http.ApiHandler;
import cn.org.cast.dianzan.lambda.http.ApiRequest;
import cn.org.cast.dianzan.lambda.http.ApiResponse;
import cn.org.cast.dianzan.lambda.http.Routes;
import io.micronaut.context.ApplicationContext;

/**
 * Accounts of our own (no Cognito, which the China regions lack): registration with a mailed code,
 * sign-in, refresh, sign-out, password reset, colleagues and handover, admins; and the OIDC discovery
 * document and JWKS that API Gateway's JWT authorizer (and the local runner) verify tokens with.
 */
public class AccountsHandler extends ApiHandler {

    private final AccountService accounts;
    private final AccessTokens tokens;

    public AccountsHandler() {
        accounts = bean(AccountService.class);
        tokens = bean(AccessTokens.class);
    }

    public AccountsHandler(ApplicationContext context) {
        super(context);
        accounts = bean(AccountService.class);
        tokens = bean(AccessTokens.class);
    }

    @Override
    protected Routes routes(Routes routes) {
        return routes
                .open("GET /.well-known/openid-configuration", request -> cached(tokens.discovery()))
                .open("GET /.well-known/jwks.json", request -> cached(tokens.jwks()))
                .open("POST /accounts/register", request -> ApiResponse.accepted(
                        accounts.register(AccountCommands.Registration.from(form(request)))))
                .open("POST /accounts/verify/resend", request -> ApiResponse.accepted(
                        accounts.resendVerification(AccountCommands.Address.from(form(request)))))
                .open("POST /accounts/verify", request -> ApiResponse.created(
                        accounts.verify(AccountCommands.Verification.from(form(request)))))
                .open("POST /auth/sign-in", request -> ApiResponse.ok(
                        accounts.signIn(AccountCommands.SignIn.from(form(request)))))
                .open("POST /auth/refresh", request -> ApiResponse.ok(accounts.refresh(refreshToken(request))))
                .open("POST /auth/sign-out", request -> {
                    accounts.signOut(refreshToken(request));
                    return ApiResponse.noContent();
                })
                .open("POST /auth/password/forgot", request -> ApiResponse.accepted(
                        accounts.forgotPassword(AccountCommands.Address.from(form(request)))))
                .open("POST /auth/password/reset", request -> {
                    accounts.resetPassword(AccountCommands.Reset.from(form(request)));
                    return ApiResponse.noContent();
                })
                .open("POST /invitations/accept", request -> ApiResponse.created(
                        accounts.accept(AccountCommands.Acceptance.from(form(request)))))
                .signedIn("GET /accounts/me", request -> ApiResponse.ok(accounts.me(request.caller())))
                .signedIn("POST /auth/sign-out-everywhere", request -> {
                    accounts.signOutEverywhere(request.caller());
                    return ApiResponse.noContent();
                })
                .signedIn("POST /accounts/me/password", request -> ApiResponse.ok(
                        accounts.changePassword(request.caller(), form(request))))
                .signedIn("GET /accounts/me/members", request -> ApiResponse.ok(accounts.me(request.caller())))
                .signedIn("POST /accounts/me/members", request -> ApiResponse.accepted(accounts.invite(request.caller(),
                        AccountCommands.Invitation.from(form(request)))))
                .signedIn("DELETE /accounts/me/members/{personId}", request -> ApiResponse.ok(
                        accounts.removeMember(request.caller(), request.pathParameters().get("personId"))))
                .signedIn("POST /accounts/me/contact", request -> ApiResponse.ok(accounts.handOver(request.caller(),
                        AccountCommands.Handover.from(form(request)))))
                .admin("POST /admin/admins", request -> ApiResponse.accepted(accounts.inviteAdmin(request.caller(),
                        AccountCommands.Invitation.from(form(request)))))
                .admin("POST /admin/accounts/lookup", request -> ApiResponse.ok(accounts.lookUp(request.caller(),
                        AccountCommands.Address.from(form(request)))))
                .admin("POST /admin/accounts/{accountId}/members", request -> ApiResponse.accepted(accounts.inviteAsAdmin(
                        request.caller(), request.pathParameters().get("accountId"),
                        AccountCommands.Invitation.from(form(request)))));
    }

    private String refreshToken(ApiRequest request) {
        return AccountCommands.Refresh.from(form(request)).refreshToken();
    }

    /** Keys change only on a rotation: verifiers may keep them five minutes. */
    private static ApiResponse cached(Object document) {
        return ApiResponse.ok(document).withHeader("Cache-Control", "public, max-age=300");
    }
}
