#---------------------------------------------------------------#
# Programas por chave de sistema - área ADM. PRODUÇÃO           #
# (exemplo sintético; o man10021 não é registrado aqui)         #
#---------------------------------------------------------------#
DATABASE logix

#---------------------------#
 FUNCTION systemkey_prd()
#---------------------------#

  # Engenharia
  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("MANENG","man10001,man10002,vdp9140")

  # chave digitada errada (MANEGN): o runtime ignora este registro
  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("MANEGN","man10022")

END FUNCTION
