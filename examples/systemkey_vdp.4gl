#---------------------------------------------------------------#
# Programas por chave de sistema - área VENDAS                  #
# (exemplo sintético)                                           #
#---------------------------------------------------------------#
DATABASE logix

#---------------------------#
 FUNCTION systemkey_vdp()
#---------------------------#

  # Pedidos
  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("VDPPED" ,"vdp9101,vdp9102,vdp9120,man10021")

  # Contratos de venda
  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("VDPCON","vdp9120")

  # Logística de vendas: lista longa, quebrada em três linhas
  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("VDPLOG","vdp9150,vdp9151,"||
                                                   "vdp9152,vdp9160,"||
                                                   "sup0620")

  {
  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("WMS","vdp9140")   desativado: relação não usa WMS
  }

END FUNCTION
