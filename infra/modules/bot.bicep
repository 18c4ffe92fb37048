// The Azure Bot resource: the bot's endpoint, its Teams channel, and its OAuth connections.
param name string
param endpoint string
param botAppId string
param tenantId string
param ssoConnectionName string

@secure()
param botAppSecret string

@description('Bot Service pricing tier: F0 (free, standard channels such as Teams are free either way) or S1.')
param sku string = 'F0'

// "Azure Active Directory v2", the OAuth provider Teams SSO needs (Bot Framework's service provider id).
var aadV2ProviderId = '30dd229c-58e3-4a48-bdfd-91ec48eb906c'
// Teams SSO for a bot without a tab: the app's Application ID URI is api://botid-{app id}.
var ssoAppIdUri = 'api://botid-${botAppId}'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: { name: sku }
  properties: {
    displayName: 'Gatekeeper'
    endpoint: endpoint
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

// Teams SSO: the token service exchanges the Teams SSO token for one whose audience is the bot's own
// API (scope access_as_user); the bot trades that on-behalf-of for Graph with the permissions consented.
resource sso 'Microsoft.BotService/botServices/connections@2022-09-15' = {
  parent: bot
  name: ssoConnectionName
  location: 'global'
  properties: {
    serviceProviderDisplayName: 'Azure Active Directory v2'
    serviceProviderId: aadV2ProviderId
    clientId: botAppId
    clientSecret: botAppSecret
    scopes: '${ssoAppIdUri}/access_as_user'
    parameters: [
      { key: 'tenantID', value: tenantId }
      { key: 'tokenExchangeUrl', value: ssoAppIdUri }
    ]
  }
}

// ---- SLOT: PIM step-up connection ----------------------------------------------------------------
// PIM activation of a role whose policy asks for MFA or an authentication context needs a second
// OAuth connection that signs the user in again with those claims (no SSO token exchange). It is added
// here, with its name passed to the app, when PIM's activation flow lands; until then nothing uses it.
// resource stepUp 'Microsoft.BotService/botServices/connections@2022-09-15' = { ... }
// ---------------------------------------------------------------------------------------------------

output name string = bot.name
